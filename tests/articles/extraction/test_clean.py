"""Step 1, clean: page chrome goes, the article's sentences stay verbatim."""

import pytest

from articles.extraction.clean import clean, is_chrome

ARTICLE = "The Tucson council voted 5-2 on Tuesday to end the jail contract."


@pytest.mark.parametrize(
    "line",
    [
        "RELATED | Council weighs new jail rules",
        "►RELATED: What the vote means for the county",
        "MORE | Family waits for news",
        "FOLLOW | 'A story of two cities' | Readers respond",
        "Credit: Doe, Jane",
        "Photo by Sam Roe/Getty Images",
        "Officers at work downtown on May 3. Courtesy Ann Lee/Agency via REUTERS",
        "Share This",
        "Pin It on Pinterest",
        "Please enter your comment!",
        "Please enter your name here",
        "LOADINGERROR LOADING",
        "Popular in the Community",
        "0",
    ],
)
def test_chrome_lines_are_recognised(line):
    assert is_chrome(line)


@pytest.mark.parametrize(
    "line",
    [
        ARTICLE,
        "“We will not share data with ICE,” Mayor Ana Ruiz said.",
        "Who Was Targeted?",
        "MORE than 40 people attended the hearing.",
        "The sheriff shared the report on Facebook and Twitter.",
    ],
)
def test_article_sentences_are_kept(line):
    assert not is_chrome(line)


def test_chrome_is_dropped_and_sentences_kept_verbatim():
    raw = f"Share This\n\n{ARTICLE}\n\nRELATED | Another story\n\nSecond paragraph here.\n"
    assert clean(raw) == f"{ARTICLE}\n\nSecond paragraph here."


def test_header_before_the_title_is_dropped():
    raw = (
        "Acme Legal Blog\nRead. Follow. Share.\nHome News Council acts\n\nCouncil acts\n\n"
        + ARTICLE
    )
    assert clean(raw, title="Council acts") == f"Council acts\n\n{ARTICLE}"


def test_without_the_title_in_the_text_nothing_before_it_is_dropped():
    assert clean(f"Opening line.\n\n{ARTICLE}", title="Not in the text") == (
        f"Opening line.\n\n{ARTICLE}"
    )


def test_a_caption_above_a_credit_line_is_dropped():
    raw = f"{ARTICLE}\n\nThe mayor at a podium.\nCredit: Doe, Jane\n\nMore text follows."
    assert clean(raw) == f"{ARTICLE}\n\nMore text follows."


def test_a_repeated_headline_is_kept_once():
    assert clean(f"Council acts\n\nCouncil acts\n\n{ARTICLE}") == f"Council acts\n\n{ARTICLE}"


def test_trailing_widgets_without_sentence_punctuation_are_dropped():
    raw = f"{ARTICLE}\n\nWhat readers liked\n\nClose\n\nCheck This Out"
    assert clean(raw) == ARTICLE


def test_newlines_and_blank_runs_are_normalised():
    assert clean(f"{ARTICLE}\r\n\r\n\r\n\r\nNext.   \r\n") == f"{ARTICLE}\n\nNext."


def test_every_kept_line_is_a_verbatim_line_of_the_input():
    raw = f"MORE | x\n{ARTICLE}\n“A quote,” she said.\nShare\n"
    cleaned = clean(raw)
    assert all(line in raw for line in cleaned.split("\n"))


# Rules added for unseen news prose.


@pytest.mark.parametrize(
    "line",
    [
        "By Jane Doe, Staff Writer",
        "by: Sam Roe",
        "Posted by Organizing Team | October 2, 2025",
        "Updated: 5:42 PM EDT Jun 3, 2025",
        "Release Date: March 17, 2025",
        "Copyright 2025 Example Television. All rights reserved.",
        "Home > News > Local News",
        "Home | About | Donate | Blog",
        "jdoe@example.org",
        "(KXYZ Photo/Jane Doe)",
        "Read more: Lawmakers weigh new limits",
        "See also:",
    ],
)
def test_page_furniture_is_chrome(line):
    assert is_chrome(line)


@pytest.mark.parametrize(
    "line",
    [
        "By the end of the year, the county had ended the contract.",
        "By Tuesday, officials said 40 people were held.",
        "Updated figures show 52 people were held in 2024.",
        "Copyright law was not at issue, the judge said.",
        "Read more about the law in our explainer.",
    ],
)
def test_sentences_that_start_like_furniture_are_kept(line):
    assert not is_chrome(line)


def test_a_caption_above_a_parenthesised_credit_is_dropped():
    raw = f"{ARTICLE}\n\nThe sheriff speaks in March.\n(KXYZ Photo/Jane Doe)\n\nMore text here."
    assert clean(raw) == f"{ARTICLE}\n\nMore text here."

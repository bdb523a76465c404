"""A source's text cut for highlighting (articles/highlight.py): a dataset snapshot as rows."""

from articles.highlight import Mark, data_rows

BODY = "STATE\tAGENCY\nFLORIDA\tBrevard County Sheriff's Office\nTEXAS\tSouthside Place PD\n"


def test_a_snapshot_reads_as_rows_each_with_the_fact_it_is_evidence_for():
    start = BODY.index("FLORIDA")
    end = BODY.index("\n", start)
    mark = Mark("policy-7", "policy", start, end, reviewed=False)

    header, brevard, southside = data_rows(BODY, [mark])

    assert (header.line, header.cells) == (1, ["STATE", "AGENCY"])
    assert brevard.cells == ["FLORIDA", "Brevard County Sheriff's Office"]
    assert brevard.marks == [mark] and brevard.css == "hl-policy hl-unreviewed"
    assert (southside.line, southside.marks, southside.css) == (3, [], "")

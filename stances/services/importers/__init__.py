"""Importers of official datasets: one module per dataset (``ice_287g``: ICE's 287(g) lists), each
storing a file's rows as evidence through the same services as every other write, and saying in
its report what it did with every row (``report``)."""

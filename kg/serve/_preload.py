"""Imported by the worker pool's forkserver only: loads the worker module and builds rdflib's SPARQL
parser once, so every forked query worker starts warm (in tens of milliseconds)."""

from kg.serve.worker import warm

warm()

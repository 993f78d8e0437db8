"""Rules on arrival (issue 18): kept in the store, matched in memory, applied as logged actions.

`model` (rules, actions, TOML), `matcher` (a query compiled to an in-memory
predicate), `arrival` (running the rules over new articles).
"""

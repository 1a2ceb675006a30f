"""The core of SPMS Navigator. Nothing here imports Textual (a test checks it).

Every user operation lives here so that the Textual app, the plain line mode and
the command line behave the same way over the same data.
"""

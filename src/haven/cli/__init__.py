"""The `haven` command line: argument parsing and printing only; the work is in haven.core."""

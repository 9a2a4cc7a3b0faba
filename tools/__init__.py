"""Developer tools kept out of the shipped package."""

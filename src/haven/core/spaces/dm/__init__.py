"""Direct messages: a two-person space opened from a space both members share
(service.py: opening, taking offers, sending, reading, blocking; offer.py: what the offer
seals; rules.py: what the log accepts)."""

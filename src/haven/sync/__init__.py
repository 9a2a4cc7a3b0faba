"""Sync: reconciliation messages, the state machine, the engine and transports."""

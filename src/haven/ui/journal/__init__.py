"""The journal section: list model and delegate, editor, filters, prompt of the day."""

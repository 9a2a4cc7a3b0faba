"""Community events in a group space ("gatherings": `events` already names the log's
events): details and times (details.py), what is sealed to whom (boxes.py), the projected
state (state.py) and the API (service.py). The rules are in core/spaces/rules/gatherings.py."""

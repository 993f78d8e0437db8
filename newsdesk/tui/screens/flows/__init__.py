"""What the inbox screen's keys do, one flow per concern, composed into `MainScreen`.

Each flow is a plain class given the screen as an `InboxHost` (the few things
it reads and calls), so the screen stays the wiring: a key's `action_…` is one
line that hands the work to its flow.
"""

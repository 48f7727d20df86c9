"""One thin page class per stage of `core.assistant.flow`: each shows state and forwards intent."""

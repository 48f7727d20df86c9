"""One thin page class per stage of `core.flow`: each shows state and forwards intent."""

"""The guided flow both faces walk: its step graph, the removal session and the demo machines."""

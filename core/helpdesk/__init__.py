"""For technicians: collecting a machine's data, reports, fleet summaries and detection
exports for fleet tools.
"""

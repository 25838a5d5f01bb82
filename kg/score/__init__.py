"""The learned scorer: candidate facts with features (during extraction), a trained model that
gives each a calibrated probability (after resolution), and the artefact it is loaded from."""

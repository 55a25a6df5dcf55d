"""The application: the `pgraph` command line (cli.py) and the load pipeline (pipeline.py).

The top layer: it wires loaders/ (reading minutes), graph/ (the model, stores and exports),
queries/ (recipes) and viz/ (pictures) together. Nothing below imports it.
"""

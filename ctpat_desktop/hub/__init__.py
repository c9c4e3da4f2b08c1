"""The field-office sync hub (ctpat-hub); built by the sync issue."""

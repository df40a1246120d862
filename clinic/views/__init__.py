"""The dietitians' workspace, one module per page group."""

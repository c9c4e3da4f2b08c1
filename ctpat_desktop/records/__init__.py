"""Record kinds declared once; tables, SQL, views, exchange items, sync and CLI derive from them."""

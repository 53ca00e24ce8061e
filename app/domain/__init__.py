"""Pure business rules of the hall: no database, no screen."""

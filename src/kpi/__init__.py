"""KPI system for Thailand's provincial Community Development offices."""

/**
 * {@code cevns validate}: cevns's predictions for the shipped experiment configurations next to the published
 * numbers they can be held to, and the report {@code docs/validation.md}.
 */
package org.cevns.analysis.validate;

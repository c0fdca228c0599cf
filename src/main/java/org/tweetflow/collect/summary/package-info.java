/**
 * A collection's summaries (dnflow's outputs and more), computed by streaming its JSON Lines of X v2 search pages:
 * {@link org.tweetflow.collect.summary.SummaryRunner} reads the file once for any set of
 * {@link org.tweetflow.collect.summary.Summary summaries}, each post once, so each output can be its own route step
 * with its own progress. Plain Java: no Camel, no database.
 */
package org.tweetflow.collect.summary;

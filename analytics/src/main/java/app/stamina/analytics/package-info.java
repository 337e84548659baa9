/**
 * Analytics: athlete-week facts, cohort figures and exports for researchers. Its code arrives with issue 6.
 */
package app.stamina.analytics;

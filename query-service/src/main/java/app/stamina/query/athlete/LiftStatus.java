package app.stamina.query.athlete;

import app.stamina.api.Load;

/** A lift as the write side last told it: its working load, whether it may go up now, and how far. */
record LiftStatus(Load workingLoad, boolean readyForMore, Load nextMaxLoad) {
}

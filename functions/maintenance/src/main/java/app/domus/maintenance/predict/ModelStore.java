package app.domus.maintenance.predict;

import app.domus.maintenance.model.RiskModel;

/** Where the current risk model comes from. */
public interface ModelStore {
    RiskModel current();
}

package app.domus.maintenance.model;

/** One labelled observation: the equipment's features on a day, and whether it failed within the horizon after it. */
public record Example(EquipmentType type, Features features, boolean failed) {}

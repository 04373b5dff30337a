package app.domus.shared.notify;

/** How a notification reaches a person. */
public enum Channel { EMAIL, SMS, PUSH }

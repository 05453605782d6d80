package org.cevns.detsim.sim;

/** Truth events that do not fit the configuration given to {@code cevns detsim} (a user error). */
public final class SimulationInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SimulationInputException(String message) {
    super(message);
  }
}

package org.cevns.cli;

/** A mistake of the user (bad argument, unreadable or existing file): printed as one line, exit code 2. */
public final class UserException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UserException(String message) {
    super(message);
  }

  public UserException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * "INPUT: WHAT: DETAIL", or "WHAT: DETAIL" when the detail already names the input (contains its file name, as the
   * reader's messages do): the path is said once.
   */
  static UserException reading(String input, String what, String detail, Throwable cause) {
    String name = new java.io.File(input).getName();
    boolean named = detail != null && !name.isEmpty() && detail.contains(name);
    return new UserException((named ? "" : input + ": ") + what + ": " + detail, cause);
  }
}

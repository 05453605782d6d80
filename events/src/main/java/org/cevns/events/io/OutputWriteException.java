package org.cevns.events.io;

import java.io.IOException;

/**
 * Writing an output failed (full disk, lost file system): the message names the output and the cause. Tells
 * an output failure (environment, exit 1) from a failure to read an input (exit 2) when both happen in one
 * streaming pass.
 */
public final class OutputWriteException extends IOException {
  private static final long serialVersionUID = 1L;

  public OutputWriteException(String message, Throwable cause) {
    super(message, cause);
  }
}

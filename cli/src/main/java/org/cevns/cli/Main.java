package org.cevns.cli;

/** Entry point of the {@code cevns} command. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.out.println("cevns");
  }
}

/** cevns analysis stage. */
package org.cevns.analysis;

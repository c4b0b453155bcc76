// The cart-pole equations of Barto, Sutton & Anderson (1983) without friction, in the form of
// Florian (2007, "Correct equations for the dynamics of the cart-pole system") with the constants
// of Gym's CartPole-v1.

export const GRAVITY = 9.8;
export const CART_MASS = 1.0;
export const POLE_MASS = 0.1;
export const TOTAL_MASS = CART_MASS + POLE_MASS;
/** half the pole length */
export const HALF_LENGTH = 0.5;
export const POLE_MASS_LENGTH = POLE_MASS * HALF_LENGTH;
export const FORCE = 10.0;
export const TAU = 0.02;
export const THETA_LIMIT = (12 * 2 * Math.PI) / 360;
export const X_LIMIT = 2.4;

/**
 * One step of the cart-pole state (x, ẋ, θ, θ̇) stored at s[o … o+3], in place, under the force
 * ±FORCE (action 1 pushes right). `semiImplicit` updates the velocities first (symplectic Euler).
 * Returns true when the step ends the episode (|x| > 2.4 or |θ| > 12°).
 */
export function cartPoleStep(
  s: Float64Array,
  o: number,
  action: number,
  semiImplicit: boolean,
): boolean {
  const x = s[o];
  const xDot = s[o + 1];
  const theta = s[o + 2];
  const thetaDot = s[o + 3];
  const force = action === 1 ? FORCE : -FORCE;
  const cos = Math.cos(theta);
  const sin = Math.sin(theta);
  const temp = (force + POLE_MASS_LENGTH * thetaDot * thetaDot * sin) / TOTAL_MASS;
  const thetaAcc =
    (GRAVITY * sin - cos * temp) / (HALF_LENGTH * (4 / 3 - (POLE_MASS * cos * cos) / TOTAL_MASS));
  const xAcc = temp - (POLE_MASS_LENGTH * thetaAcc * cos) / TOTAL_MASS;
  if (semiImplicit) {
    const xd = xDot + TAU * xAcc;
    const td = thetaDot + TAU * thetaAcc;
    s[o] = x + TAU * xd;
    s[o + 1] = xd;
    s[o + 2] = theta + TAU * td;
    s[o + 3] = td;
  } else {
    s[o] = x + TAU * xDot;
    s[o + 1] = xDot + TAU * xAcc;
    s[o + 2] = theta + TAU * thetaDot;
    s[o + 3] = thetaDot + TAU * thetaAcc;
  }
  const nx = s[o];
  const nt = s[o + 2];
  return nx < -X_LIMIT || nx > X_LIMIT || nt < -THETA_LIMIT || nt > THETA_LIMIT;
}

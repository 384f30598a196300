#pragma once
// Keeps small copies of the face from the last few seconds of frames so that each one-sided
// event, reported only once it has ended, can be shown at its peak: the frame where that side's
// contraction was strongest.
#include "core/events.h"
#include "runtime/analysis_pipeline.h"

#include <opencv2/core.hpp>

#include <deque>

namespace hemitrack {

struct PeakFrame {
  int event_id = 0;
  double time_s = 0.0;
  cv::Mat bgr;          // the face with a margin (the whole frame without a face), reduced
  Shape68 landmarks{};  // in bgr's coordinates
  bool face_found = false;
};

class PeakFrameKeeper {
 public:
  // Longer events than `keep_s` are shown at the strongest frame still kept. A face is kept at
  // most `max_width` pixels wide: 6 s at 30 fps then take about 30 MB.
  explicit PeakFrameKeeper(double keep_s = 6.0, int max_width = 240);
  void add(const cv::Mat& bgr, const FrameAnalysis& analysis);
  // The kept frame inside the event where its side contracted most; empty when none is kept.
  PeakFrame peak_of(const TwitchEvent& event) const;

 private:
  struct Kept {
    PeakFrame frame;
    FrameSignals signals;
  };
  double keep_s_;
  int max_width_;
  std::deque<Kept> kept_;
};

// How strongly a side contracted in a frame, for the regions of an event (eye first: the eye is
// what the patient and the neurologist look at).
double contraction_strength(const FrameSignals& s, const TwitchEvent& event);

}  // namespace hemitrack

#include "piecewise_affine.h"

#include <array>
#include <cassert>
#include <cmath>
#include <opencv2/imgproc.hpp>

namespace hemitrack::inject {
namespace {

constexpr double kMovedPx = 1e-3;

struct Mesh {
  std::vector<Point2> from, to;
};

// Subdiv2D keeps one vertex for coincident points (closed inner lips make 61/67 etc. coincide);
// merge them ourselves so each vertex has exactly one target.
Mesh merge_near_duplicates(const std::vector<Point2>& from, const std::vector<Point2>& to) {
  Mesh m;
  std::vector<int> count;
  for (std::size_t i = 0; i < from.size(); ++i) {
    bool merged = false;
    for (std::size_t j = 0; j < m.from.size() && !merged; ++j) {
      if (std::hypot(from[i].x - m.from[j].x, from[i].y - m.from[j].y) < 0.5) {
        const Point2 d = to[i] - from[i];
        const Point2 acc = (m.to[j] - m.from[j]) * count[j] + d;
        ++count[j];
        m.to[j] = m.from[j] + acc * (1.0 / count[j]);
        merged = true;
      }
    }
    if (!merged) {
      m.from.push_back(from[i]);
      m.to.push_back(to[i]);
      count.push_back(1);
    }
  }
  return m;
}

std::vector<std::array<int, 3>> delaunay(const std::vector<Point2>& pts) {
  double x0 = pts[0].x, y0 = pts[0].y, x1 = x0, y1 = y0;
  for (const auto& p : pts) {
    x0 = std::min(x0, p.x), y0 = std::min(y0, p.y), x1 = std::max(x1, p.x), y1 = std::max(y1, p.y);
  }
  cv::Subdiv2D subdiv(cv::Rect(static_cast<int>(std::floor(x0)) - 10, static_cast<int>(std::floor(y0)) - 10,
                               static_cast<int>(x1 - x0) + 21, static_cast<int>(y1 - y0) + 21));
  std::vector<int> vertex_to_point;
  for (std::size_t i = 0; i < pts.size(); ++i) {
    const int v = subdiv.insert(cv::Point2f(static_cast<float>(pts[i].x), static_cast<float>(pts[i].y)));
    if (v >= static_cast<int>(vertex_to_point.size())) vertex_to_point.resize(v + 1, -1);
    vertex_to_point[v] = static_cast<int>(i);
  }
  // getTriangleList returns coordinates only; find each corner's vertex through locate().
  std::vector<cv::Vec6f> list;
  subdiv.getTriangleList(list);
  std::vector<std::array<int, 3>> triangles;
  for (const auto& t : list) {
    std::array<int, 3> tri{};
    bool ok = true;
    for (int c = 0; c < 3 && ok; ++c) {
      int edge = 0, vertex = 0;
      const int where = subdiv.locate(cv::Point2f(t[2 * c], t[2 * c + 1]), edge, vertex);
      ok = where == cv::Subdiv2D::PTLOC_VERTEX && vertex < static_cast<int>(vertex_to_point.size()) &&
           vertex_to_point[vertex] >= 0;
      if (ok) tri[c] = vertex_to_point[vertex];
    }
    if (ok) triangles.push_back(tri);  // triangles touching Subdiv2D's outer virtual vertices are dropped
  }
  return triangles;
}

double signed_area(Point2 a, Point2 b, Point2 c) {
  return 0.5 * ((b.x - a.x) * (c.y - a.y) - (c.x - a.x) * (b.y - a.y));
}

}  // namespace

cv::Mat warp_piecewise_affine(const cv::Mat& src, const std::vector<Point2>& from_in,
                              const std::vector<Point2>& to_in, WarpReport* report) {
  assert(from_in.size() == to_in.size() && from_in.size() >= 3);
  const Mesh mesh = merge_near_duplicates(from_in, to_in);
  const auto triangles = delaunay(mesh.from);

  auto moved = [&](int i) {
    return std::hypot(mesh.to[i].x - mesh.from[i].x, mesh.to[i].y - mesh.from[i].y) > kMovedPx;
  };
  const cv::Rect image_rect(0, 0, src.cols, src.rows);
  std::vector<std::array<int, 3>> active;
  cv::Rect region;
  WarpReport stats;
  for (const auto& t : triangles) {
    if (!moved(t[0]) && !moved(t[1]) && !moved(t[2])) continue;
    const double a_from = signed_area(mesh.from[t[0]], mesh.from[t[1]], mesh.from[t[2]]);
    const double a_to = signed_area(mesh.to[t[0]], mesh.to[t[1]], mesh.to[t[2]]);
    if (std::abs(a_to) < 1e-6 || (a_from > 0) != (a_to > 0)) {
      ++stats.flipped_triangles;
      continue;
    }
    ++stats.moved_triangles;
    active.push_back(t);
    // Both the source and the target footprint change: the union covers vacated pixels too.
    for (const auto* pts : {&mesh.from, &mesh.to}) {
      double x0 = 1e18, y0 = 1e18, x1 = -1e18, y1 = -1e18;
      for (int c : t) {
        x0 = std::min(x0, (*pts)[c].x), y0 = std::min(y0, (*pts)[c].y);
        x1 = std::max(x1, (*pts)[c].x), y1 = std::max(y1, (*pts)[c].y);
      }
      const cv::Rect r(static_cast<int>(std::floor(x0)) - 1, static_cast<int>(std::floor(y0)) - 1,
                       static_cast<int>(std::ceil(x1) - std::floor(x0)) + 3,
                       static_cast<int>(std::ceil(y1) - std::floor(y0)) + 3);
      region = region.area() == 0 ? r : (region | r);
    }
  }
  if (report) *report = stats;
  cv::Mat out = src.clone();
  region &= image_rect;
  if (active.empty() || region.area() == 0) return out;

  // One backward map for the whole region, then a single remap. Compositing triangle by triangle
  // with (even anti-aliased) masks lets the original show through along shared edges, which
  // draws the hidden eyeball as hairlines across a closed lid; a continuous map cannot seam.
  cv::Mat map_x(region.size(), CV_32F), map_y(region.size(), CV_32F);
  cv::Mat owner(region.size(), CV_8U, cv::Scalar(0));  // 0 identity, 1 near a triangle, 2 inside one
  for (int y = 0; y < region.height; ++y)
    for (int x = 0; x < region.width; ++x) {
      map_x.at<float>(y, x) = static_cast<float>(x + region.x);
      map_y.at<float>(y, x) = static_cast<float>(y + region.y);
    }

  for (const auto& t : active) {
    const Point2 p[3] = {mesh.to[t[0]], mesh.to[t[1]], mesh.to[t[2]]};
    const Point2 q[3] = {mesh.from[t[0]], mesh.from[t[1]], mesh.from[t[2]]};
    const cv::Point2f pf[3] = {{float(p[0].x), float(p[0].y)}, {float(p[1].x), float(p[1].y)}, {float(p[2].x), float(p[2].y)}};
    const cv::Point2f qf[3] = {{float(q[0].x), float(q[0].y)}, {float(q[1].x), float(q[1].y)}, {float(q[2].x), float(q[2].y)}};
    const cv::Mat a = cv::getAffineTransform(pf, qf);  // target -> source, CV_64F 2x3
    const double orient = signed_area(p[0], p[1], p[2]) > 0 ? 1.0 : -1.0;
    double nx[3], ny[3], c0[3];  // inward unit normals: distance = nx*x + ny*y + c0
    for (int e = 0; e < 3; ++e) {
      const Point2 u = p[e], v = p[(e + 1) % 3];
      const double len = std::hypot(v.x - u.x, v.y - u.y);
      nx[e] = -(v.y - u.y) / len * orient;
      ny[e] = (v.x - u.x) / len * orient;
      c0[e] = -(nx[e] * u.x + ny[e] * u.y);
    }
    const int x0 = std::max(region.x, static_cast<int>(std::floor(std::min({p[0].x, p[1].x, p[2].x}))) - 1);
    const int x1 = std::min(region.x + region.width - 1, static_cast<int>(std::ceil(std::max({p[0].x, p[1].x, p[2].x}))) + 1);
    const int y0 = std::max(region.y, static_cast<int>(std::floor(std::min({p[0].y, p[1].y, p[2].y}))) - 1);
    const int y1 = std::min(region.y + region.height - 1, static_cast<int>(std::ceil(std::max({p[0].y, p[1].y, p[2].y}))) + 1);
    for (int y = y0; y <= y1; ++y)
      for (int x = x0; x <= x1; ++x) {
        double dmin = 1e9;
        for (int e = 0; e < 3; ++e) dmin = std::min(dmin, nx[e] * x + ny[e] * y + c0[e]);
        // Exact containment wins; a half-pixel tolerance only fills pixels no triangle claims,
        // because extrapolating a very thin triangle (a closed eye) reaches far into the source.
        const std::uint8_t rank = dmin >= -1e-9 ? 2 : (dmin >= -0.5 ? 1 : 0);
        auto& own = owner.at<std::uint8_t>(y - region.y, x - region.x);
        if (rank == 0 || rank <= own) continue;
        if (rank == 1 && own != 0) continue;
        own = rank;
        map_x.at<float>(y - region.y, x - region.x) =
            static_cast<float>(a.at<double>(0, 0) * x + a.at<double>(0, 1) * y + a.at<double>(0, 2));
        map_y.at<float>(y - region.y, x - region.x) =
            static_cast<float>(a.at<double>(1, 0) * x + a.at<double>(1, 1) * y + a.at<double>(1, 2));
      }
  }
  cv::Mat warped_region;
  cv::remap(src, warped_region, map_x, map_y, cv::INTER_LINEAR, cv::BORDER_REPLICATE);
  warped_region.copyTo(out(region));
  return out;
}

}  // namespace hemitrack::inject

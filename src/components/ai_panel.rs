//! The AI panels beside the stage (full app): the pupil's recorded examples as a scatter
//! plot with the model's decision regions shaded (kNN) or its line drawn (perceptron), the
//! neighbours that voted for the reading the robot is on, a decision tree with that reading's
//! path lit, and for reward lessons the Q-table as arrows and a heat map over the maze with
//! the reward of each episode as a chart. Plain functions like the stage: the layout is
//! computed by `crate::ai_plot` (tested natively); here it is only drawn, as SVG.

use tafukt_ai::{Dataset, Knn, Label, Perceptron, PerceptronSet, QTable, Tree};
use tafukt_lang::value::format_rounded;
use yew::prelude::*;

use super::i18n::I18n;
use crate::ai_plot::{self, Scatter, SIDE};

/// The model a data lesson trains, as the host holds it.
pub enum Model<'a> {
    Knn(&'a Knn),
    Perceptron(&'a Perceptron),
    /// The perceptron for more than two labels: straight lines where two labels meet.
    Perceptrons(&'a PerceptronSet),
    Tree(&'a Tree),
}

/// Colours for labels, told apart by people with any common colour blindness (Okabe and
/// Ito), each with its own marker shape as well.
const COLOURS: [&str; 6] = ["#E69F00", "#0072B2", "#009E73", "#CC79A7", "#D55E00", "#56B4E9"];

fn colour(label: Label) -> &'static str {
    COLOURS[label as usize % COLOURS.len()]
}

fn n(x: f64) -> String {
    format_rounded(x, 2)
}

/// A marker for `label` at (x, y): circle, square, triangle, diamond, then again.
fn marker(label: Label, x: f64, y: f64, r: f64, class: &'static str, index: Option<usize>) -> Html {
    let fill = colour(label);
    let index = index.map(|i| i.to_string());
    match label % 4 {
        0 => html! { <circle {class} cx={n(x)} cy={n(y)} r={n(r)} {fill} data-example={index} /> },
        1 => {
            html! { <rect {class} x={n(x - r)} y={n(y - r)} width={n(2.0 * r)} height={n(2.0 * r)} {fill} data-example={index} /> }
        }
        2 => {
            let points = format!(
                "{},{} {},{} {},{}",
                n(x),
                n(y - r * 1.2),
                n(x - r * 1.1),
                n(y + r),
                n(x + r * 1.1),
                n(y + r)
            );
            html! { <polygon {class} {points} {fill} data-example={index} /> }
        }
        _ => {
            let points = format!(
                "{},{} {},{} {},{} {},{}",
                n(x),
                n(y - r * 1.3),
                n(x + r * 1.3),
                n(y),
                n(x),
                n(y + r * 1.3),
                n(x - r * 1.3),
                n(y)
            );
            html! { <polygon {class} {points} {fill} data-example={index} /> }
        }
    }
}

/// The legend: each label's marker and name, in the pupil's words where the lesson has them.
fn legend(data: &Dataset) -> Html {
    html! {
        <ul class="ai-legend">
            { for data.labels.iter().enumerate().map(|(i, name)| html! {
                <li>
                    <svg viewBox="0 0 10 10" aria-hidden="true">{ marker(i as Label, 5.0, 5.0, 3.5, "", None) }</svg>
                    { name.clone() }
                </li>
            }) }
        </ul>
    }
}

/// The scatter plot of the recorded examples on features `fx` and `fy`, with the model's
/// regions or line, and the reading the robot is on with its prediction and voters.
pub fn data_panel(
    data: &Dataset,
    model: &Model,
    fx: usize,
    fy: usize,
    reading: Option<&[f64]>,
    i18n: &I18n,
) -> Html {
    let plot: Scatter = ai_plot::scatter(data, fx, fy, reading);
    let regions = match model {
        Model::Knn(knn) if !data.is_empty() => ai_plot::knn_regions(&two_features(knn, fx, fy), &plot, 20),
        // The road's model sees the two plotted readings only, so it shades them as it is.
        Model::Perceptrons(set) if !data.is_empty() && data.feature_count() == 2 => {
            ai_plot::perceptron_set_regions(set, &plot, 20)
        }
        _ => vec![],
    };
    let line = match model {
        Model::Perceptron(p) => ai_plot::perceptron_line(p, &plot),
        _ => None,
    };
    let lines = match model {
        Model::Perceptrons(set) if data.feature_count() == 2 => ai_plot::perceptron_set_lines(set, &plot),
        _ => vec![],
    };
    let cell = SIDE / 20.0;
    let here = reading.and_then(|r| Some((plot.x.at(*r.get(fx)?), SIDE - plot.y.at(*r.get(fy)?))));
    let voters: Vec<(f64, f64)> = match (model, reading) {
        (Model::Knn(knn), Some(r)) => knn
            .predict(r)
            .map(|p| {
                p.neighbours.iter().filter_map(|v| plot.points.get(v.index).map(|q| (q.x, q.y))).collect()
            })
            .unwrap_or_default(),
        _ => vec![],
    };
    let name = |f: usize| data.feature_names.get(f).cloned().unwrap_or_default();
    html! {
        <figure class="ai-panel ai-data" data-testid="ai-plot" data-examples={data.len().to_string()}
            data-regions={regions.len().to_string()}>
            <svg viewBox={format!("0 0 {SIDE} {SIDE}")} role="img"
                aria-label={i18n.f("ai.plot-label", &[("count", data.len().to_string()), ("x", name(fx)), ("y", name(fy))])}>
                <rect class="ai-frame" x="0" y="0" width={n(SIDE)} height={n(SIDE)} />
                { for regions.iter().map(|(x, y, label)| html! {
                    <rect class="ai-region" x={n(*x)} y={n(*y)} width={n(cell)} height={n(cell)} fill={colour(*label)} />
                }) }
                if let Some(((x1, y1), (x2, y2))) = line {
                    <line class="ai-line" x1={n(x1)} y1={n(y1)} x2={n(x2)} y2={n(y2)} data-testid="ai-line" />
                }
                { for lines.iter().map(|((x1, y1), (x2, y2))| html! {
                    <line class="ai-line" x1={n(*x1)} y1={n(*y1)} x2={n(*x2)} y2={n(*y2)} data-testid="ai-line" />
                }) }
                if let Some((hx, hy)) = here {
                    { for voters.iter().map(|(vx, vy)| html! {
                        <line class="ai-vote" x1={n(hx)} y1={n(hy)} x2={n(*vx)} y2={n(*vy)} />
                    }) }
                }
                { for plot.points.iter().map(|p| marker(p.label, p.x, p.y, 2.4, "ai-point", Some(p.index))) }
                if let Some((hx, hy)) = here {
                    <circle class="ai-here" cx={n(hx)} cy={n(hy)} r="3.5" data-testid="ai-here" />
                }
            </svg>
            <figcaption>
                <span class="ai-axis">{ format!("→ {}", name(fx)) }</span>
                <span class="ai-axis">{ format!("↑ {}", name(fy)) }</span>
                { legend(data) }
            </figcaption>
        </figure>
    }
}

/// A kNN model that sees only the two plotted features, for shading the plot.
fn two_features(knn: &Knn, fx: usize, fy: usize) -> Knn {
    Knn::new(knn.k, knn.data.select_features(&[fx, fy]))
}

/// One example in words: its label and every feature, for a tap on its point.
pub fn example_card(data: &Dataset, index: usize) -> Html {
    let Some(row) = data.rows.get(index) else { return Html::default() };
    html! {
        <p class="ai-example" data-testid="ai-example">
            <strong>{ data.label_name(row.label).to_string() }</strong>
            { for data.feature_names.iter().zip(&row.features).map(|(f, v)| html! {
                <span>{ format!(" · {f} {}", format_rounded(*v, 1)) }</span>
            }) }
        </p>
    }
}

/// The decision tree, top-down, each question and answer written in, with the path of the
/// reading the robot is on lit.
pub fn tree_panel(tree: &Tree, data: &Dataset, reading: Option<&[f64]>, i18n: &I18n) -> Html {
    let path = reading.map(|r| tree.predict_path(r)).unwrap_or_default();
    let boxes = ai_plot::tree_layout(tree, &path);
    // A reading that is only ever 0 or 1 (a wall there or not) is asked as a plain question.
    let yes_or_no =
        |f: usize| data.rows.iter().all(|r| matches!(r.features.get(f), Some(v) if *v == 0.0 || *v == 1.0));
    let question = |f: usize, threshold: f64| {
        let name = data.feature_names.get(f).cloned().unwrap_or_default();
        if yes_or_no(f) {
            i18n.f("ai.tree-none", &[("reading", name)])
        } else {
            i18n.f("ai.tree-less", &[("reading", name), ("value", format_rounded(threshold, 1))])
        }
    };
    // The first child of a question is where its answer is yes.
    let is_yes = |i: usize| tree.nodes.iter().any(|n| n.left == Some(i));
    html! {
        <figure class="ai-panel ai-tree" data-testid="ai-tree" data-nodes={tree.nodes.len().to_string()}>
            <svg viewBox={format!("0 0 {SIDE} {SIDE}")} role="img" aria-label={i18n.t("ai.tree-label")}>
                { for boxes.iter().filter_map(|b| b.parent.map(|(px, py)| html! {
                    <>
                        <line class={classes!("ai-edge", b.lit.then_some("lit"))} x1={n(px)} y1={n(py)} x2={n(b.x)} y2={n(b.y)} />
                        <text class="ai-answer" x={n((px + b.x) / 2.0)} y={n((py + b.y) / 2.0)} text-anchor="middle">
                            { i18n.t(if is_yes(b.node) { "ai.tree-yes" } else { "ai.tree-no" }) }
                        </text>
                    </>
                })) }
                { for boxes.iter().map(|b| {
                    let node = &tree.nodes[b.node];
                    let text = match &node.split {
                        Some(s) => question(s.feature, s.threshold),
                        None => data.label_name(node.label).to_string(),
                    };
                    let fill = if node.split.is_none() { colour(node.label) } else { "#ffffff" };
                    html! {
                        <g class={classes!("ai-node", b.lit.then_some("lit"))} data-node={b.node.to_string()}>
                            <rect x={n(b.x - 11.0)} y={n(b.y - 4.0)} width="22" height="8" rx="2" {fill} />
                            <text x={n(b.x)} y={n(b.y + 1.4)} text-anchor="middle">{ text }</text>
                        </g>
                    }
                }) }
            </svg>
        </figure>
    }
}

/// Arrows for the best move the Q-table knows in each cell, over a heat map of how good that
/// cell looks, and the reward of each episode as a chart.
pub fn reward_panel(q: &QTable, width: u32, height: u32, rewards: &[f64], i18n: &I18n) -> Html {
    let cells = ai_plot::q_cells(q, width, height);
    let side = width.max(height).max(1) as f64;
    let (cw, ch) = (SIDE / side, SIDE / side);
    let chart: Vec<String> =
        ai_plot::chart(rewards).iter().map(|(x, y)| format!("{},{}", n(*x), n(*y))).collect();
    html! {
        <figure class="ai-panel ai-reward" data-testid="ai-qtable" data-episodes={rewards.len().to_string()}
            data-learnt={cells.iter().filter(|c| c.best.is_some()).count().to_string()}>
            <svg viewBox={format!("0 0 {SIDE} {SIDE}")} role="img" aria-label={i18n.t("ai.qtable-label")}>
                { for cells.iter().map(|c| {
                    let (x, y) = (c.x as f64 * cw, c.y as f64 * ch);
                    // North is up; east, south and west turn the same arrow.
                    let arrow = c.best.map(|a| format!("rotate({} {} {})", a * 90, n(x + cw / 2.0), n(y + ch / 2.0)));
                    html! {
                        <g class="ai-cell" data-cell={format!("{},{}", c.x, c.y)} data-best={c.best.map(|a| a.to_string())}>
                            <rect x={n(x)} y={n(y)} width={n(cw)} height={n(ch)} fill="#0072B2" fill-opacity={n(0.08 + 0.6 * c.heat)} />
                            if let Some(transform) = arrow {
                                <path class="ai-arrow" {transform}
                                    d={format!("M{} {}L{} {}L{} {}Z", n(x + cw / 2.0), n(y + ch * 0.2), n(x + cw * 0.3), n(y + ch * 0.7), n(x + cw * 0.7), n(y + ch * 0.7))} />
                            }
                        </g>
                    }
                }) }
            </svg>
            if !chart.is_empty() {
                <svg class="ai-chart" viewBox={format!("0 0 {SIDE} {SIDE}")} preserveAspectRatio="none" aria-hidden="true">
                    <polyline points={chart.join(" ")} />
                </svg>
                <figcaption>{ i18n.t("ai.rewards-label") }</figcaption>
            }
        </figure>
    }
}

/// The pupil's own rule beside the learned model, on the same new items: how many each got
/// right.
pub fn comparison_panel(c: &tafukt_lesson::ai_goals::Comparison, i18n: &I18n) -> Html {
    let row = |key: &str, right: u32, class: &'static str| {
        let percent = (right * 100).checked_div(c.total).unwrap_or(0);
        html! {
            <p class={classes!("ai-score", class)}>
                { i18n.f(key, &[("right", right.to_string()), ("total", c.total.to_string()), ("percent", percent.to_string())]) }
                <meter min="0" max={c.total.max(1).to_string()} value={right.to_string()} />
            </p>
        }
    };
    html! {
        <figure class="ai-panel ai-compare" data-testid="ai-compare" data-rule={c.rule_right.to_string()}
            data-model={c.model_right.to_string()} data-total={c.total.to_string()}>
            <figcaption>{ i18n.t("ai.compare") }</figcaption>
            { row("ai.rule-score", c.rule_right, "ai-rule") }
            { row("ai.model-score", c.model_right, "ai-model") }
        </figure>
    }
}

/// How the model does on items it never saw: the score, the confusion table (each kind's
/// row says what its items were taken for) and the learning curve (the score against the
/// number of examples trained on).
pub fn evaluation_panel(e: &crate::ai_eval::Evaluation, i18n: &I18n) -> Html {
    let curve: Vec<(f64, f64)> = {
        let last = e.curve.last().map_or(1, |(n, _)| *n).max(1) as f64;
        e.curve.iter().map(|(n, p)| (6.0 + *n as f64 / last * 88.0, 94.0 - f64::from(*p) * 0.88)).collect()
    };
    let points: Vec<String> = curve.iter().map(|(x, y)| format!("{},{}", n(*x), n(*y))).collect();
    // The items' true kinds in the pupil's words (the pupil's own labels may be anything).
    let kind = |k: &String| {
        let key = format!("ai.kind.{k}");
        Some(i18n.t(&key)).filter(|word| *word != key).unwrap_or_else(|| k.clone())
    };
    html! {
        <figure class="ai-panel ai-eval" data-testid="ai-eval" data-right={e.right.to_string()}
            data-total={e.total.to_string()}>
            <p class="ai-score">
                { i18n.f("ai.score", &[("right", e.right.to_string()), ("total", e.total.to_string()), ("percent", e.percent().to_string())]) }
            </p>
            <table class="ai-confusion" data-testid="ai-confusion">
                <caption>{ i18n.t("ai.confusion") }</caption>
                <tr>
                    <th></th>
                    { for e.kinds.iter().map(|k| html! { <th scope="col">{ kind(k) }</th> }) }
                    <th scope="col">{ "?" }</th>
                </tr>
                { for e.kinds.iter().zip(&e.confusion).enumerate().map(|(r, (k, row))| html! {
                    <tr>
                        <th scope="row">{ kind(k) }</th>
                        { for row.iter().enumerate().map(|(c, v)| html! {
                            <td class={classes!((r == c).then_some("right"))}>{ v.to_string() }</td>
                        }) }
                    </tr>
                }) }
            </table>
            if !points.is_empty() {
                <svg class="ai-chart" viewBox="0 0 100 100" preserveAspectRatio="none" aria-hidden="true">
                    <polyline points={points.join(" ")} />
                </svg>
                <figcaption>{ i18n.t("ai.learning-curve") }</figcaption>
            }
        </figure>
    }
}

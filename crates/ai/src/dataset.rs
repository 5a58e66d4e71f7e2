//! A table of examples: rows of numeric features, each with a label, plus the names a lesson
//! shows (feature names, and a short id per label that the app turns into words).

/// A label, as an index into [`Dataset::labels`] (a small integer keeps rows small and
/// makes the confusion table a plain array).
pub type Label = u8;

/// One row: the readings and the label a pupil (or a generator) gave them.
#[derive(Debug, Clone, PartialEq)]
pub struct Example {
    pub features: Vec<f64>,
    pub label: Label,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Dataset {
    /// What each column measures, e.g. `size`, `darkness`: ids the app looks up in the
    /// catalogue, in column order.
    pub feature_names: Vec<String>,
    /// A short id per label (`olive`, `stone`): label `i` is `labels[i]`.
    pub labels: Vec<String>,
    pub rows: Vec<Example>,
}

impl Dataset {
    pub fn new(feature_names: &[&str], labels: &[&str]) -> Dataset {
        Dataset {
            feature_names: feature_names.iter().map(|s| s.to_string()).collect(),
            labels: labels.iter().map(|s| s.to_string()).collect(),
            rows: Vec::new(),
        }
    }

    /// The same columns and labels, no rows: the start of a subset or of the pupil's own
    /// recordings.
    pub fn empty_like(&self) -> Dataset {
        Dataset { feature_names: self.feature_names.clone(), labels: self.labels.clone(), rows: Vec::new() }
    }

    /// Adds a row. Missing readings count as 0 and extra ones are dropped, so a row always has
    /// one value per column (the models index features without checking).
    pub fn push(&mut self, features: &[f64], label: Label) {
        let mut f: Vec<f64> = features.iter().copied().take(self.feature_count()).collect();
        f.resize(self.feature_count(), 0.0);
        self.rows.push(Example { features: f, label });
    }

    /// The label's index for a short id, adding it if new (the built-in "record with label"
    /// takes a word).
    pub fn label_id(&mut self, name: &str) -> Label {
        if let Some(i) = self.labels.iter().position(|l| l == name) {
            return i as Label;
        }
        self.labels.push(name.to_string());
        (self.labels.len() - 1) as Label
    }

    pub fn label_name(&self, label: Label) -> &str {
        self.labels.get(label as usize).map_or("", String::as_str)
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    pub fn feature_count(&self) -> usize {
        self.feature_names.len()
    }

    pub fn label_count(&self) -> usize {
        self.labels.len()
    }

    /// Forgets every row (the built-in "forget"), keeping columns and labels.
    pub fn clear(&mut self) {
        self.rows.clear();
    }

    /// The rows at `indices`, in that order.
    pub fn subset(&self, indices: &[usize]) -> Dataset {
        let mut d = self.empty_like();
        d.rows = indices.iter().filter_map(|&i| self.rows.get(i).cloned()).collect();
        d
    }

    /// The first `n` rows (a learning curve trains on growing prefixes).
    pub fn prefix(&self, n: usize) -> Dataset {
        let mut d = self.empty_like();
        d.rows = self.rows.iter().take(n).cloned().collect();
        d
    }

    /// Only the columns in `columns`, in that order: a lesson that plots two features trains
    /// on the same two.
    pub fn select_features(&self, columns: &[usize]) -> Dataset {
        let mut d = Dataset {
            feature_names: columns.iter().filter_map(|&c| self.feature_names.get(c).cloned()).collect(),
            labels: self.labels.clone(),
            rows: Vec::with_capacity(self.rows.len()),
        };
        for r in &self.rows {
            let features = columns.iter().filter_map(|&c| r.features.get(c).copied()).collect();
            d.rows.push(Example { features, label: r.label });
        }
        d
    }

    /// Rows per label, in label order (the bias lesson shows what the data is missing).
    pub fn label_counts(&self) -> Vec<u32> {
        let mut counts = vec![0; self.label_count()];
        for r in &self.rows {
            if let Some(c) = counts.get_mut(r.label as usize) {
                *c += 1;
            }
        }
        counts
    }

    /// Smallest and largest value of each column (the scatter plot's axes); `(0, 0)` for an
    /// empty table.
    pub fn ranges(&self) -> Vec<(f64, f64)> {
        (0..self.feature_count())
            .map(|c| {
                let mut it = self.rows.iter().map(|r| r.features[c]);
                let first = it.next().unwrap_or(0.0);
                it.fold((first, first), |(lo, hi), v| (lo.min(v), hi.max(v)))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_always_have_one_value_per_column_and_labels_are_found_by_name() {
        let mut d = Dataset::new(&["size", "darkness"], &["olive"]);
        d.push(&[1.0], 0);
        d.push(&[1.0, 2.0, 3.0], 0);
        assert_eq!(d.rows[0].features, vec![1.0, 0.0]);
        assert_eq!(d.rows[1].features, vec![1.0, 2.0]);
        assert_eq!(d.label_id("olive"), 0);
        assert_eq!(d.label_id("stone"), 1);
        assert_eq!(d.label_name(1), "stone");
        assert_eq!(d.label_name(9), "");
        d.push(&[5.0, -1.0], 1);
        assert_eq!(d.label_counts(), vec![2, 1]);
        assert_eq!(d.ranges(), vec![(1.0, 5.0), (-1.0, 2.0)]);
        let two = d.select_features(&[1]);
        assert_eq!(two.feature_names, vec!["darkness"]);
        assert_eq!(two.rows[2].features, vec![-1.0]);
        assert_eq!(d.subset(&[2, 0]).rows[0].label, 1);
        assert_eq!(d.prefix(2).len(), 2);
        d.clear();
        assert!(d.is_empty());
        assert_eq!(d.label_count(), 2, "forgetting keeps the labels");
    }
}

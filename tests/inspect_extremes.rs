//! `inspect`'s mean and std for values whose squares overflow f64 (issue 13 item 11): a constant
//! 1e300 column has std 0 (it was null), and huge spreads are finite.
use kindling::data::read_csv;

fn stats(csv: &str) -> (f64, f64) {
    let summary = read_csv("x.csv", csv.as_bytes()).unwrap().inspect();
    let c = &summary.columns[0];
    (c.mean.unwrap(), c.std.unwrap())
}

#[test]
fn a_constant_huge_column_has_its_value_as_mean_and_std_zero() {
    let csv = (0..7).fold("c\n".to_string(), |a, _| a + "1e300\n");
    assert_eq!(stats(&csv), (1e300, 0.0));
    let csv = (0..7).fold("c\n".to_string(), |a, _| a + "-1.7e308\n");
    assert_eq!(stats(&csv), (-1.7e308, 0.0));
}

#[test]
fn huge_spreads_are_finite() {
    assert_eq!(stats("c\n1e300\n-1e300\n"), (0.0, 1e300));
    let (mean, std) = stats("c\n1e200\n3e200\n");
    assert!(
        (mean / 2e200 - 1.0).abs() < 1e-15 && (std / 1e200 - 1.0).abs() < 1e-15,
        "{mean} {std}"
    );
    // Ordinary values are summarised exactly as before: population std of 1, 2, 5.
    let (mean, std) = stats("c\n1\n2\n5\n");
    assert_eq!(mean, 8.0 / 3.0);
    assert_eq!(std, (26.0f64 / 9.0).sqrt());
}

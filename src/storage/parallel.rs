//! Reading many files at once: an order-keeping map over all cores (std threads, no pool), so a
//! project of 10,000 texts and several large coder files opens in a fraction of the time one
//! thread would take, with results (and so problems and errors) in the same order as before.

/// `f` applied to every item, on up to `available_parallelism` threads, results in item order.
/// `weight` says how much work an item is (its file size, say), so the threads get equal shares.
pub(crate) fn map_in_order<T: Sync, R: Send>(
    items: &[T],
    weight: impl Fn(&T) -> u64,
    f: impl Fn(&T) -> R + Sync,
) -> Vec<R> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
    if threads < 2 || items.len() < 2 {
        return items.iter().map(f).collect();
    }
    let parts = split_by_weight(items, &weight, threads);
    let f = &f;
    std::thread::scope(|scope| {
        let handles: Vec<_> = parts
            .into_iter()
            .map(|part| scope.spawn(move || part.iter().map(f).collect::<Vec<R>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("a reading thread panicked"))
            .collect()
    })
}

/// `f` applied to every item, each on a thread of its own (for a few large items, such as coder
/// files: the cores share them out evenly however they are sized), results in item order.
pub(crate) fn map_each<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    if items.len() < 2 {
        return items.iter().map(f).collect();
    }
    let f = &f;
    items
        .chunks(32)
        .flat_map(|batch| {
            std::thread::scope(|scope| {
                let handles: Vec<_> = batch
                    .iter()
                    .map(|item| scope.spawn(move || f(item)))
                    .collect();
                handles
                    .into_iter()
                    .map(|h| h.join().expect("a reading thread panicked"))
                    .collect::<Vec<R>>()
            })
        })
        .collect()
}

/// Up to `parts` consecutive slices of about equal total weight (with one item each at least).
fn split_by_weight<'a, T>(
    items: &'a [T],
    weight: &impl Fn(&T) -> u64,
    parts: usize,
) -> Vec<&'a [T]> {
    let total: u64 = items.iter().map(weight).sum::<u64>().max(1);
    let share = total.div_ceil(parts as u64);
    let mut out = Vec::with_capacity(parts);
    let (mut from, mut acc) = (0, 0);
    for (i, item) in items.iter().enumerate() {
        acc += weight(item);
        if acc >= share && out.len() + 1 < parts {
            out.push(&items[from..=i]);
            from = i + 1;
            acc = 0;
        }
    }
    if from < items.len() {
        out.push(&items[from..]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_keep_the_order_of_the_items() {
        let items: Vec<u64> = (0..1000).collect();
        let out = map_in_order(&items, |&x| x % 7 + 1, |&x| x * 2);
        assert_eq!(out, items.iter().map(|x| x * 2).collect::<Vec<_>>());
        assert!(map_in_order(&[] as &[u64], |_| 1, |&x| x).is_empty());
        let few: Vec<u64> = (0..40).collect();
        assert_eq!(map_each(&few, |&x| x + 1), (1..41).collect::<Vec<_>>());
    }

    #[test]
    fn shares_are_about_equal_and_cover_every_item() {
        let items = [100u64, 1, 1, 1, 100, 1, 1, 100];
        let parts = split_by_weight(&items, &|&w| w, 3);
        assert_eq!(parts.concat(), items.to_vec());
        assert!(parts.len() <= 3);
        assert_eq!(split_by_weight(&[5u64], &|&w| w, 4), vec![&[5u64][..]]);
    }
}

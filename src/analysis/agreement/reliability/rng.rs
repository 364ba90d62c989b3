//! A small seeded random number generator of our own, xoshiro256** (Blackman & Vigna 2018) seeded
//! through SplitMix64, so that a bootstrap with a given seed gives the same interval on every
//! machine and with every version of every crate.

/// xoshiro256** state.
#[derive(Debug, Clone)]
pub struct Xoshiro256 {
    s: [u64; 4],
}

impl Xoshiro256 {
    /// A generator whose state is four SplitMix64 outputs from `seed`.
    pub fn seeded(seed: u64) -> Self {
        let mut x = seed;
        let mut next = || {
            x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
            let mut z = x;
            z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
            z ^ (z >> 31)
        };
        Xoshiro256 {
            s: [next(), next(), next(), next()],
        }
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        let s = &mut self.s;
        let result = s[1].wrapping_mul(5).rotate_left(7).wrapping_mul(9);
        let t = s[1] << 17;
        s[2] ^= s[0];
        s[3] ^= s[1];
        s[1] ^= s[2];
        s[0] ^= s[3];
        s[2] ^= t;
        s[3] = s[3].rotate_left(45);
        result
    }

    /// A uniform number in [0, 1) with 53 random bits.
    pub fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The reference implementation (xoshiro256starstar.c) from state {1, 2, 3, 4} gives
    /// 11520, 0, 1509978240, 1215971899390074240 as its first outputs.
    #[test]
    fn matches_the_reference_sequence() {
        let mut g = Xoshiro256 { s: [1, 2, 3, 4] };
        let first: Vec<u64> = (0..4).map(|_| g.next_u64()).collect();
        assert_eq!(first, vec![11520, 0, 1509978240, 1215971899390074240]);
    }

    #[test]
    fn same_seed_same_numbers_and_floats_in_range() {
        let a: Vec<u64> = {
            let mut g = Xoshiro256::seeded(7);
            (0..5).map(|_| g.next_u64()).collect()
        };
        let mut g = Xoshiro256::seeded(7);
        let b: Vec<u64> = (0..5).map(|_| g.next_u64()).collect();
        assert_eq!(a, b);
        assert_ne!(a, {
            let mut h = Xoshiro256::seeded(8);
            (0..5).map(|_| h.next_u64()).collect::<Vec<_>>()
        });
        let mut g = Xoshiro256::seeded(1);
        assert!(
            (0..1000)
                .map(|_| g.next_f64())
                .all(|x| (0.0..1.0).contains(&x))
        );
    }
}

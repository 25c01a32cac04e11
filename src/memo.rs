//! A thread's memory of a pure function of a text: what the family model
//! and the rules work out from the same text several times a page (a role
//! name, a paragraph's grade statement) is worked out once per thread.

use std::cell::RefCell;
use std::collections::HashMap;
use std::thread::LocalKey;

use foldhash::fast::RandomState;

/// Values by the text they were worked out from, up to a number of texts;
/// then it starts afresh, so that its size stays bounded however many
/// pages a thread lints.
#[derive(Debug)]
pub struct TextMemo<V> {
    values: HashMap<Box<str>, V, RandomState>,
    most: usize,
}

impl<V: Clone> TextMemo<V> {
    /// An empty memory of at most `most` texts.
    pub fn new(most: usize) -> TextMemo<V> {
        TextMemo {
            values: HashMap::default(),
            most,
        }
    }

    /// The value of `text`: remembered, or worked out by `work` now.
    pub fn get(&mut self, text: &str, work: impl FnOnce(&str) -> V) -> V {
        if let Some(known) = self.values.get(text) {
            return known.clone();
        }
        if self.values.len() >= self.most {
            self.values.clear();
        }
        let value = work(text);
        self.values.insert(text.into(), value.clone());
        value
    }
}

/// The value of `text` from this thread's memory `memo`, or from `work`
/// alone when the memory is in use (`work` called back into it).
pub fn remembered<V: Clone>(
    memo: &'static LocalKey<RefCell<TextMemo<V>>>,
    text: &str,
    work: impl FnOnce(&str) -> V,
) -> V {
    memo.with(|memo| match memo.try_borrow_mut() {
        Ok(mut memo) => memo.get(text, work),
        Err(_) => work(text),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_is_worked_out_once_until_the_memory_is_full() {
        let mut memo = TextMemo::new(2);
        let calls = std::cell::Cell::new(0);
        let mut length = |text: &str| {
            memo.get(text, |t| {
                calls.set(calls.get() + 1);
                t.len()
            })
        };
        assert_eq!(length("ab"), 2);
        assert_eq!(length("ab"), 2);
        assert_eq!(length("abc"), 3);
        assert_eq!(length("abc"), 3);
        assert_eq!(calls.get(), 2);
        // A third text clears the memory: "ab" is worked out again.
        assert_eq!(length("abcd"), 4);
        assert_eq!(length("ab"), 2);
        assert_eq!(calls.get(), 4);
    }

    thread_local! {
        static LENGTHS: RefCell<TextMemo<usize>> = RefCell::new(TextMemo::new(8));
    }

    #[test]
    fn work_that_asks_the_memory_again_is_done_without_it() {
        let outer = remembered(&LENGTHS, "outer", |t| {
            t.len() + remembered(&LENGTHS, "inner", |u| u.len())
        });
        assert_eq!(outer, 10);
        assert_eq!(remembered(&LENGTHS, "outer", |_| 0), 10);
        assert_eq!(remembered(&LENGTHS, "inner", |_| 0), 0);
    }
}

//! The borrow a machine holds of a method's receiver across an argument
//! that awaits.

use core::fmt;
use core::ops::Deref;

/// A shared borrow of a method's receiver that is an indexed place
/// (`v[i].len_at(f().await)`), which the machine takes before the argument
/// that awaits, as rustc does, and calls the method through.
///
/// The macro cannot see the method's receiver type, so it borrows `&` for
/// every method it does not know to take `&mut self` (`push`, `insert`,
/// `*_assign`, ...) or `self` (`max`, `wrapping_add`, `into_*`, ...). A
/// user's method taking `&mut self` then fails to build at the receiver:
/// "cannot borrow data in dereference of `ReceiverHeldShared` as mutable",
/// as this type has no `DerefMut`. Borrow the place first
/// (`let row = &mut rows[i]; row.add(f().await)`).
pub struct ReceiverHeldShared<'a, T: ?Sized>(#[doc(hidden)] pub &'a T);

impl<T: ?Sized> Deref for ReceiverHeldShared<'_, T> {
    type Target = T;

    #[inline(always)]
    fn deref(&self) -> &T {
        self.0
    }
}

impl<T: ?Sized> fmt::Debug for ReceiverHeldShared<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ReceiverHeldShared").finish_non_exhaustive()
    }
}

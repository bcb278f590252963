//! A comparison's left operand read before a later operand runs code.
//!
//! `x < { x = 9; 5 }`: rustc reads a scalar operand (an integer, a float,
//! `bool`, `char`, a raw or function pointer) as a copy before evaluating the
//! right one, and borrows any other (`PartialOrd::lt(&x, &..)`), so a later
//! write is a borrow error there. The machine evaluates a right operand that
//! runs code into statements before the comparison itself, so it takes the
//! left operand first in the same two ways. Which way is chosen by the type,
//! at type-checking, with method resolution preferring an impl on the value
//! to one on its reference:
//!
//! ```text
//! let held = { use ::statemachine_runtime::__private::{CopiedScalar as _, BorrowedPlace as _};
//!              (&ComparedPlace(&x)).__statemachine_copy_or_borrow() };
//! /* the right operand's statements */
//! *::statemachine_runtime::__private::compared(&held) < right
//! ```
//!
//! A type parameter is never taken for a scalar, as rustc's comparison of
//! one is never the built-in one.

use core::fmt;
use core::marker::PhantomData;

/// A borrow of a comparison's operand, to be copied (a scalar) or kept
/// borrowed (anything else).
pub struct ComparedPlace<'a, T: ?Sized>(pub &'a T);

/// Chosen for scalars: the operand is copied.
pub trait CopiedScalar {
    /// The scalar's own type.
    type Held;
    /// A copy of the operand.
    fn __statemachine_copy_or_borrow(&self) -> Self::Held;
    /// A copy of the operand.
    #[inline(always)]
    fn __statemachine_copy_or_later(&self) -> Self::Held {
        self.__statemachine_copy_or_borrow()
    }
}

/// Chosen for every other type, through one more reference.
pub trait BorrowedPlace<'a, T: ?Sized> {
    /// The operand's borrow, as rustc's overloaded comparison takes it.
    fn __statemachine_copy_or_borrow(&self) -> &'a T;
    /// Nothing: the operand is read where it is used, after the later
    /// operands, which cannot change it (rustc holds a borrow meanwhile).
    fn __statemachine_copy_or_later(&self) -> ReadLater<T>;
}

impl<'a, T: ?Sized> BorrowedPlace<'a, T> for &ComparedPlace<'a, T> {
    #[inline(always)]
    fn __statemachine_copy_or_borrow(&self) -> &'a T {
        self.0
    }

    #[inline(always)]
    fn __statemachine_copy_or_later(&self) -> ReadLater<T> {
        ReadLater(PhantomData)
    }
}

/// An operand that is not a scalar, to be read where it is used.
pub struct ReadLater<T: ?Sized>(PhantomData<fn() -> *const T>);

/// What a comparison reads from its held operand (see the module's doc).
pub trait HeldOperand {
    /// The operand's type.
    type Target: ?Sized;
    /// The held copy or borrow; for [`ReadLater`], `at_use`.
    fn operand<'b>(&'b self, at_use: Option<&'b Self::Target>) -> &'b Self::Target;
}

impl<T: ?Sized> HeldOperand for &T {
    type Target = T;
    #[inline(always)]
    fn operand<'b>(&'b self, _at_use: Option<&'b T>) -> &'b T {
        self
    }
}

impl<T: ?Sized> HeldOperand for ReadLater<T> {
    type Target = T;
    #[inline(always)]
    fn operand<'b>(&'b self, at_use: Option<&'b T>) -> &'b T {
        match at_use {
            Some(place) => place,
            None => unreachable!("a `ReadLater` operand is read with its place"),
        }
    }
}

/// The operand held by `__statemachine_copy_or_borrow`.
#[inline(always)]
pub fn compared<H: HeldOperand>(held: &H) -> &H::Target {
    held.operand(None)
}

/// The operand held by `__statemachine_copy_or_later`, `at_use` being its
/// place read now.
#[inline(always)]
pub fn compared_or<'b, H: HeldOperand>(held: &'b H, at_use: &'b H::Target) -> &'b H::Target {
    held.operand(Some(at_use))
}

/// Makes `$ty` a scalar: copied by [`CopiedScalar`], read by
/// [`HeldOperand`] as itself. Generic parameters in brackets.
macro_rules! scalars {
    ($([$($generics:tt)*] $ty:ty),* $(,)?) => {$(
        impl<$($generics)*> CopiedScalar for ComparedPlace<'_, $ty> {
            type Held = $ty;
            #[inline(always)]
            fn __statemachine_copy_or_borrow(&self) -> $ty {
                *self.0
            }
        }

        impl<$($generics)*> HeldOperand for $ty {
            type Target = $ty;
            #[inline(always)]
            fn operand<'b>(&'b self, _at_use: Option<&'b $ty>) -> &'b $ty {
                self
            }
        }
    )*};
}

scalars!(
    [] u8, [] u16, [] u32, [] u64, [] u128, [] usize,
    [] i8, [] i16, [] i32, [] i64, [] i128, [] isize,
    [] f32, [] f64, [] bool, [] char,
    [T: ?Sized] *const T, [T: ?Sized] *mut T,
);

/// `fn` and `unsafe fn` pointers of each arity listed.
macro_rules! function_pointers {
    ($(($($arg:ident),*)),* $(,)?) => {$(
        scalars!(
            [R, $($arg),*] fn($($arg),*) -> R,
            [R, $($arg),*] unsafe fn($($arg),*) -> R,
        );
    )*};
}

function_pointers!(
    (),
    (A),
    (A, B),
    (A, B, C),
    (A, B, C, D),
    (A, B, C, D, E),
    (A, B, C, D, E, F)
);

impl<T: ?Sized> fmt::Debug for ComparedPlace<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ComparedPlace").finish_non_exhaustive()
    }
}

impl<T: ?Sized> fmt::Debug for ReadLater<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ReadLater").finish_non_exhaustive()
    }
}

#[cfg(test)]
// The borrow is needed: without it the impl for other types is never found.
#[allow(clippy::needless_borrow)]
mod tests {
    use super::{BorrowedPlace as _, ComparedPlace, CopiedScalar as _, compared, compared_or};

    #[test]
    fn a_scalar_is_copied_and_anything_else_borrowed() {
        let mut x = 1;
        let held = (&ComparedPlace(&x)).__statemachine_copy_or_borrow();
        x = 10;
        assert!(*compared(&held) < x);
        // Inferred as `u8` only after the hold, as in a body.
        let mut y = 1;
        let later = (&ComparedPlace(&y)).__statemachine_copy_or_later();
        y = 10u8;
        assert_eq!(*compared_or(&later, &y), 1);

        let name = String::from("a");
        let held = (&ComparedPlace(&name)).__statemachine_copy_or_borrow();
        assert!(core::ptr::eq(compared(&held), &name));
        let later = (&ComparedPlace(&name)).__statemachine_copy_or_later();
        assert!(core::ptr::eq(compared_or(&later, &name), &name));
    }

    #[test]
    fn pointers_are_scalars_and_a_type_parameter_is_not() {
        fn hold<T: PartialEq>(value: &T) -> &T {
            (&ComparedPlace(value)).__statemachine_copy_or_borrow()
        }
        let (one, two) = (1u8, 2u8);
        let mut p: *const u8 = &one;
        let held = (&ComparedPlace(&p)).__statemachine_copy_or_borrow();
        p = &two;
        assert!(*compared(&held) != p);
        let f: fn(u8) -> u8 = |v| v;
        // Copied: the annotation fails to build if it were borrowed.
        let held: fn(u8) -> u8 = (&ComparedPlace(&f)).__statemachine_copy_or_borrow();
        assert_eq!(compared(&held)(3), 3);
        assert!(core::ptr::eq(hold(&one), &one));
    }
}

/* bochscpu-python 0.4.0's manylinux_2_28 wheel calls two glibc 2.38 symbols (the C23 forms of
 * strtoull and sscanf); on an older glibc (Debian 12 has 2.36) these forward to the C99 forms,
 * which behave the same on the decimal and hexadecimal strings Bochs parses. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

unsigned long long __isoc23_strtoull(const char *s, char **end, int base) {
    return strtoull(s, end, base);
}

int __isoc23_sscanf(const char *s, const char *format, ...) {
    va_list args;
    va_start(args, format);
    int n = vsscanf(s, format, args);
    va_end(args);
    return n;
}

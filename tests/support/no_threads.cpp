// Preloaded into rapportverk by tests/cli/no_threads_test.cpp: every new thread is refused
// with EAGAIN, as under a process limit on a loaded server (what the CI runner hit).
#include <pthread.h>

#include <cerrno>

extern "C" int pthread_create(pthread_t*, const pthread_attr_t*, void* (*)(void*), void*) {
  return EAGAIN;
}

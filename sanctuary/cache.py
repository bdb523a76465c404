"""Django's Redis cache backend, keeping its Redis clients.

``django.core.cache.backends.redis.RedisCacheClient.get_client`` builds a new ``redis.Redis``
for every cache call, and redis-py's constructor fills a table of a few hundred response
callbacks each time: on a stored answer (four cache calls) that was 40% of the request's time.
A client is only a handle on its connection pool, and thread-safe, so one per pool is kept.
``settings.CACHES`` uses this backend wherever ``CACHE_URL`` names Redis.
"""

from django.core.cache.backends import redis


class RedisCacheClient(redis.RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class RedisCache(redis.RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = RedisCacheClient

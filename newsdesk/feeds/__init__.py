"""Feed subscriptions fetched by URL: the store's rows, OPML, the HTTP client, the schedule.

`service` holds the verbs the Desk offers (add, remove, import/export OPML,
fetch); `download` is one feed's network and parsing work; `http` the polite
client; `schedule` when a feed is due; `opml` the subscription lists other
readers write; `names` how a feed is called in `feed:NAME`.
"""

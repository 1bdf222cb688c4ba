"""Drives the official RingCentral Python SDK (PyPI `ringcentral`) against a running simulator.

Usage: python sdk_check.py '<startup JSON line of ringcentral-sim>'

Every step uses the SDK unchanged; only the simulator's own admin API is called directly, to make an
inbound SMS arrive (/sim/inbound-sms) and to mint the JWT of the company website's service user
(/sim/jwt), which then works the way the seed's website does: a team per customer conversation
with the agent in it, the customer's words posted into it. Exits non-zero on the first failed check.
"""

import asyncio
import json
import sys
import time
import urllib.request

from ringcentral import SDK
from ringcentral.http.api_exception import ApiException
from ringcentral.websocket.events import WebSocketEvents

EXT = "/restapi/v1.0/account/~/extension/~"
TM = "/team-messaging/v1"
# The seeded website's service user (ringcentral-sim's seed/team.rs).
WEBSITE = "69999999901"
passed = 0


def check(condition, what):
    global passed
    if not condition:
        print(f"FAIL: {what}", flush=True)
        print(f"sdk: {passed} passed, 1 failed", flush=True)
        sys.exit(1)
    passed += 1
    print(f"ok: {what}", flush=True)


def poll(platform, path, done, seconds=15):
    deadline = time.time() + seconds
    while time.time() < deadline:
        body = platform.get(path).json_dict()
        if done(body):
            return body
        time.sleep(0.2)
    check(False, f"{path} reached the expected state in {seconds} s")


def admin(server, path, body):
    request = urllib.request.Request(server + path, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"}, method="POST")
    with urllib.request.urlopen(request) as response:
        return json.loads(response.read())


def rest(platform, creds):
    ext = platform.get(EXT).json_dict()
    check(str(ext["id"]) == creds["extension_id"], "JWT login and extension info")

    numbers = platform.get(EXT + "/phone-number").json_dict()["records"]
    sender = next(n["phoneNumber"] for n in numbers if "SmsSender" in n.get("features", []))
    check(sender.startswith("+"), f"an SmsSender number: {sender}")

    ringout = platform.post(EXT + "/ring-out", {"from": {"phoneNumber": "+16505550110"}, "to": {"phoneNumber": "+14155550120"}, "playPrompt": False}).json_dict()
    status = poll(platform, f"{EXT}/ring-out/{ringout['id']}", lambda b: b["status"]["callStatus"] != "InProgress")
    check(status["status"]["callStatus"] == "Success", "RingOut polled to Success")

    sms = platform.post(EXT + "/sms", {"from": {"phoneNumber": sender}, "to": [{"phoneNumber": "+14155550121"}], "text": "Hello from the Python SDK"}).json_dict()
    store = platform.get(EXT + "/message-store", {"messageType": "SMS", "direction": "Outbound", "perPage": 50}).json_dict()
    check(any(m["id"] == sms["id"] for m in store["records"]), "sent SMS found in the message store")

    page = platform.get(EXT + "/call-log", {"dateFrom": "2000-01-01T00:00:00Z", "perPage": 100}).json_dict()
    pages, seen = 1, len(page["records"])
    while "nextPage" in page["navigation"] and pages < 3:
        page = platform.get(page["navigation"]["nextPage"]["uri"]).json_dict()
        pages, seen = pages + 1, seen + len(page["records"])
    check(pages == 3 and seen == 300, f"call log paged through navigation.nextPage ({pages} pages, {seen} records)")

    before = platform.auth().access_token()
    platform.refresh()
    check(platform.auth().access_token() != before, "refresh rotated the access token")
    check(platform.get(EXT).json_dict()["id"] == ext["id"], "the refreshed token works")


def team_messaging(creds):
    minted = admin(creds["server_url"], "/sim/jwt", {"extension_id": WEBSITE})
    website = SDK(creds["client_id"], creds["client_secret"], creds["server_url"]).platform()
    website.login(jwt=minted["jwt"])
    agent = creds["extension_id"]
    team = website.post(TM + "/teams", {"name": "Web chat · SDK visitor", "public": False, "members": [{"id": agent}]}).json_dict()
    check(team["type"] == "Team" and team["name"] == "Web chat · SDK visitor", "the website creates a team with the agent in it")
    post = website.post(f"{TM}/chats/{team['id']}/posts", {"text": f"Visitor wrote: Do you ship to Canada? ![:Person]({agent})"}).json_dict()
    check(post["creatorId"] == WEBSITE and post["mentions"][0]["id"] == agent, "the website posts the visitor's words, mentioning the agent")
    posts = website.get(f"{TM}/chats/{team['id']}/posts", {"recordCount": 10}).json_dict()
    check(posts["records"][0]["id"] == post["id"], "posts read back, newest first")
    recent = website.get(TM + "/recent/chats", {"type": "Team", "recordCount": 50}).json_dict()
    check(recent["records"][0]["id"] == team["id"], "the new team tops the recent chats")
    person = website.get(f"{TM}/persons/{agent}").json_dict()
    check(person["id"] == agent and person.get("firstName"), "the agent's person record")
    website.logout()


async def websocket(rcsdk, creds):
    client = rcsdk.create_web_socket_client()
    subscribed = asyncio.Event()
    received = []

    def on_notification(message):
        received.append(message)

    client.on(WebSocketEvents.subscriptionCreated, lambda sub: subscribed.set())
    client.on(WebSocketEvents.receiveSubscriptionNotification, on_notification)
    connection = asyncio.create_task(client.create_new_connection())
    for _ in range(100):
        if client.get_connection_info():
            break
        await asyncio.sleep(0.05)
    details = json.loads(client.get_connection_info()["connection_details"])
    check(details[0]["type"] == "ConnectionDetails", "WebSocket connected (ConnectionDetails first)")
    await client.create_subscription([EXT + "/message-store/instant?type=SMS"])
    await asyncio.wait_for(subscribed.wait(), 10)
    check(True, "subscription created (WSG-SubscriptionId seen)")
    admin(creds["server_url"], "/sim/inbound-sms", {"from": "+14155550122", "text": "Inbound via the simulator"})
    for _ in range(100):
        if received:
            break
        await asyncio.sleep(0.05)
    check(bool(received) and received[0][1]["body"]["subject"] == "Inbound via the simulator", "inbound SMS notification received")
    await client.close_connection()
    connection.cancel()


def main():
    creds = json.loads(sys.argv[1])
    rcsdk = SDK(creds["client_id"], creds["client_secret"], creds["server_url"])
    platform = rcsdk.platform()
    platform.login(jwt=creds["jwt"])
    rest(platform, creds)
    team_messaging(creds)
    asyncio.run(websocket(rcsdk, creds))
    token = platform.auth().access_token()
    platform.logout()
    try:
        platform.get(EXT, headers={"Authorization": "Bearer " + token}, skip_auth_check=True)
        check(False, "revoked token refused")
    except ApiException as e:
        check("401" in str(e), "logout revoked the session (401 afterwards)")
    print(f"sdk: {passed} passed, 0 failed", flush=True)


if __name__ == "__main__":
    main()

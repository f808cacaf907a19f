"""Runs DigitalTolk's public Python client (PyPI `domainrobot`) against a simulator and prints, as one JSON document,
what the client read back. Input (stdin, JSON): url, user, password, context, csr, name, and `step`:

- "order": contact create, prepare order, certificate create, job info and list, poll until the order's notification
  and confirm it, certificate info and list, the certificate's comment updated and read back, a second order's job
  confirmed and cancelled, certificate delete.
- "errors": the client's DomainrobotApiError for the next request after each fault the test injected (429, 503) and
  for a certificate that does not exist (404).

Requests are paced: the client does not pace itself, and the simulator keeps to "3 requests per second and IP"
("JSON API Basics"). The test compares the document with exact expectations.
"""

import json
import sys
import time

from domainrobot import Domainrobot
from domainrobot.exceptions import DomainrobotApiError


def paced(call):
    time.sleep(0.4)
    return call()


def contact_body():
    return {
        "fname": "John",
        "lname": "Doe",
        "phone": "+49-123-12345",
        "email": "john.doe@example.com",
        "organization": "Company",
        "address": ["123 Main Street"],
        "pcode": "12345",
        "city": "Anytown",
        "country": "DE",
    }


def order_body(contact_id, name, csr, authentication):
    return {
        "adminContact": {"id": contact_id},
        "technicalContact": {"id": contact_id},
        "name": name,
        "lifetime": {"unit": "MONTH", "period": 12},
        "software": "APACHESSL",
        "csr": csr,
        "product": "QUICKSSLPREMIUM",
        "authentication": authentication,
    }


def order(client, given):
    report = {}
    contact = paced(lambda: client.ssl_contact.create(contact_body()))
    contact_id = contact.data[0].id
    report["contact"] = {"status": contact.status, "id": contact_id}

    prepared = paced(lambda: client.certificate.prepare_order({"plain": given["csr"], "product": "QUICKSSLPREMIUM"}))
    data = prepared.data[0]
    report["prepared"] = {"status": prepared.status["code"], "name": data.name, "methods": [entry["method"] for entry in data.authentication]}
    dns = next(entry for entry in data.authentication if entry["method"] == "DNS")

    created = paced(lambda: client.certificate.create(order_body(contact_id, given["name"], given["csr"], {"method": "DNS", "dns": dns["dns"], "provisioning": True})))
    job_id = created.data[0].id
    report["created"] = {"status": created.status, "jobStatus": created.data[0].status}

    info = paced(lambda: client.job.info(job_id))
    report["jobInfo"] = {"status": info.status["code"], "job": {"id": info.data[0].job["id"], "status": info.data[0].job["status"], "action": info.data[0].job["action"]}, "object": info.data[0].object["value"]}
    listed = paced(lambda: client.job.list({"filters": [{"key": "id", "value": str(job_id), "operator": "EQUAL"}]}))
    report["jobList"] = {"status": listed.status["code"], "ids": [row.job["id"] for row in listed.data]}

    message = None
    for _ in range(40):
        polled = paced(lambda: client.poll.info())
        if polled.data:
            message = polled.data[0]
            break
    report["poll"] = {"jobId": message.job["id"], "jobStatus": message.job["status"], "created": message.created.tzinfo is not None}
    certificate_id = message.object["data"]["id"]
    confirmed = paced(lambda: client.poll.confirm(message.id))
    report["pollConfirm"] = confirmed.status["code"]

    certificate = paced(lambda: client.certificate.info(certificate_id))
    leaf = certificate.data[0]
    report["certificateInfo"] = {"status": certificate.status["code"], "name": leaf.name, "hasLeaf": leaf.server.startswith("-----BEGIN CERTIFICATE-----"), "created": leaf.created.isoformat(), "serialNumber": leaf.serialNumber}
    certificates = paced(lambda: client.certificate.list())
    report["certificateList"] = {"status": certificates.status["code"], "names": [row.name for row in certificates.data], "created": [row.created.isoformat() for row in certificates.data]}

    commented = paced(lambda: client.certificate.comment_update(certificate_id, {"comment": "python/comment"}))
    reread = paced(lambda: client.certificate.info(certificate_id))
    report["commentUpdate"] = {"status": commented.status, "comment": reread.data[0].comment}

    # Without provisioning the order waits for the TXT record nobody publishes: its job is still running when confirmed and cancelled.
    second = paced(lambda: client.certificate.create(order_body(contact_id, given["name"], given["csr"], {"method": "DNS", "dns": dns["dns"], "provisioning": False})))
    second_job = second.data[0].id
    job_confirmed = paced(lambda: client.job.confirm(second_job))
    job_cancelled = paced(lambda: client.job.cancel(second_job))
    report["secondOrder"] = {"confirm": job_confirmed.status, "cancel": job_cancelled.status}

    deleted = paced(lambda: client.certificate.delete(certificate_id))
    report["delete"] = {"status": deleted.status, "jobStatus": deleted.data[0].status, "action": deleted.data[0].action}
    return report


def refusal(call):
    try:
        call()
    except DomainrobotApiError as error:
        return {"statusCode": error.status_code, "message": str(error), "status": error.response_body.get("status"), "stid": bool(error.stid)}
    return None


def errors(client, given):
    report = {}
    for expected in given["faults"]:
        report[str(expected)] = paced(lambda: refusal(lambda: client.poll.info()))
    report["missing"] = paced(lambda: refusal(lambda: client.certificate.info(999999)))
    return report


def main():
    given = json.load(sys.stdin)
    with Domainrobot(username=given["user"], password=given["password"], context=int(given["context"]), base_url=given["url"]) as client:
        result = order(client, given) if given["step"] == "order" else errors(client, given)
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
